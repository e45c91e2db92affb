import type { Messages } from '../types'

/** The projector view. */
export const projectorEn = {
  'projector.title': 'Projector',
  'projector.open': 'Project',
  'projector.onScreen': 'What the screen shows:',
  'projector.show.overview': 'Welcome: code and participants',
  'projector.show.theme': 'The “{theme}” board',
  'projector.show.results': 'The vote results',
  'projector.showHint': 'For a perspective or a card: “⋯” menu, then “Show on screen”.',
  'projector.showThis': 'Show on screen',
  'projector.follow.overview': 'welcome',
  'projector.follow.results': 'results',
  'projector.follow.card': 'a card',
  'projector.missingKey':
    'First open the facilitator link on this computer, then “Project”: the projector opens with it.',
  'projector.joinTitle': 'Join the workshop',
  'projector.joinAt': 'On your phone or computer, go to',
  'projector.joinCode': 'then enter the code',
  'projector.qrCaption': 'or scan this code',
  'projector.qrLabel': 'QR code to {url}',
  'projector.nobodyYet': 'Nobody has joined the workshop yet.',
  'projector.joined.one': '{count} person has joined the workshop',
  'projector.joined.other': '{count} people have joined the workshop',
  'projector.voted': '{voters} / {eligible} have voted',
  'projector.voteOpen': 'Vote #{n} in progress',
  'projector.voteClosed': 'Vote #{n} closed',
  'projector.votedLabel': 'participants have voted',
  'projector.budget': '{n} dots each',
  'projector.lateJoin': 'Not connected yet? {url} · code {code}',
} satisfies Partial<Messages>
