import { describe, expect, it } from 'vitest'
import { computePeople, editorsByCard } from '../../client/store/peopleProjection'
import type { Person } from '../../client/store'

const person = (id: string, editing: string | null, more: Partial<Person> = {}): Person => ({
  id,
  name: id,
  centre: 'Centre',
  role: 'participant',
  color: '#000',
  editing,
  online: true,
  idle: false,
  self: false,
  ...more,
})

describe('who is typing in each card', () => {
  it('lists the others typing in a card, not this screen nor people gone', () => {
    const awa = person('awa', 'c1')
    const leo = person('leo', 'c1')
    const ines = person('ines', 'c2')
    const me = person('me', 'c2', { self: true })
    const gone = person('gone', 'c3', { online: false })
    const byCard = editorsByCard([awa, leo, ines, me, gone, person('idle', null)], {})
    expect(byCard).toEqual({ c1: [awa, leo], c2: [ines] })
  })

  it('keeps a card’s list as it was when its people did not change, so that card does not re-render', () => {
    const awa = person('awa', 'c1')
    const leo = person('leo', 'c2')
    const before = editorsByCard([awa, leo], {})
    const moved = person('leo', 'c1')
    const after = editorsByCard([awa, moved], before)
    expect(after.c1).toEqual([awa, moved])
    expect(after.c2).toBeUndefined()

    const again = editorsByCard([awa, moved], after)
    expect(again.c1).toBe(after.c1)
  })
})

describe('the people list', () => {
  it('names people as the roster does, whatever name their presence shows', () => {
    const people = computePeople({
      states: new Map([
        [
          1,
          {
            user: {
              id: 'p-awa',
              name: 'Animation',
              centre: 'Fédération',
              role: 'participant',
              color: '#000',
            },
            editing: null,
            lastActive: 1000,
          },
        ],
      ]),
      selfClientId: null,
      roster: {
        'p-awa': { name: 'Awa Diallo', centre: 'CS Les Tilleuls', role: 'participant', joinedAt: 1 },
        'p-leo': { name: 'Léo Martin', centre: 'MJC', role: 'participant', joinedAt: 2 },
      },
      now: 2000,
      previous: [],
      language: 'fr',
    })
    expect(people.map((p) => [p.name, p.centre, p.online])).toEqual([
      ['Awa Diallo', 'CS Les Tilleuls', true],
      ['Léo Martin', 'MJC', false],
    ])
  })
})
