/** This person's own dots, as the server last sent them (ballots never enter the shared document). */
export interface VoteSlice {
  vote: {
    /** The round the ballot belongs to; a ballot of another round counts as empty. */
    roundId: string | null
    ballot: Record<string, number>
  }
}

export const initialVote = (): VoteSlice => ({ vote: { roundId: null, ballot: {} } })
