/** Workshop templates: the boards a new workshop starts with. Guiding questions are prompts, never answers. */

export interface TemplateTheme {
  name: string
  questions: string[]
}

export interface WorkshopTemplate {
  id: string
  themes: TemplateTheme[]
}

export const TEMPLATES = {
  'participation-partenariats': {
    id: 'participation-partenariats',
    themes: [
      {
        name: 'Participation des habitants',
        questions: [
          'Qu’est-ce que les chiffres de l’observatoire nous apprennent sur la place des habitants dans nos centres ?',
          'Où les habitants prennent-ils déjà des décisions, et où pourraient-ils en prendre davantage ?',
          'De quoi nos équipes ont-elles besoin pour accompagner les initiatives des habitants ?',
        ],
      },
      {
        name: 'Partenariats',
        questions: [
          'Avec quels partenaires construisons-nous vraiment nos projets, et avec lesquels ne faisons-nous que rendre des comptes ?',
          'Qu’est-ce qui rendrait nos conventions plus stables dans le temps ?',
          'Sur quels sujets pourrions-nous expérimenter à plusieurs ?',
        ],
      },
    ],
  },
  vide: { id: 'vide', themes: [{ name: 'Thème 1', questions: [] }] },
} as const satisfies Record<string, WorkshopTemplate>

export type TemplateId = keyof typeof TEMPLATES
export const DEFAULT_TEMPLATE: TemplateId = 'participation-partenariats'

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value)
}
