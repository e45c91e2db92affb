import { describe, expect, it } from 'vitest'
import {
  describeIssue,
  describeIssues,
  importableIndicators,
  INDICATOR_LIMITS,
  parseIndicatorCsv,
  readCsv,
  type IndicatorInput,
} from '../../shared/indicators'

const FRENCH_HEADER = 'thème;indicateur;valeur;unité;comparaison;libellé comparaison;source;année'
const ENGLISH_HEADER = 'theme,indicator,value,unit,comparison,comparison label,source,year'

const indicators = (text: string) => parseIndicatorCsv(text).lines.map((line) => line.indicator)
const messages = (text: string) => parseIndicatorCsv(text).issues.map(describeIssue)

const participation: IndicatorInput = {
  theme: 'Participation des habitants',
  indicator: 'Centres avec des habitants au CA',
  value: 45,
  unit: '%',
  comparison: 38,
  comparisonLabel: 'moyenne nationale',
  source: 'Chiffres fictifs pour l’exemple',
  year: 2023,
}

describe('reading an indicator file', () => {
  it('reads a semicolon file with French headers, decimal commas and percentages', () => {
    const file = parseIndicatorCsv(
      [
        FRENCH_HEADER,
        'Participation des habitants;Centres avec des habitants au CA;45 %;;38 %;moyenne nationale;Chiffres fictifs pour l’exemple;2023',
        'Partenariats;Partenaires par centre;12,5;partenaires;9,8;moyenne nationale;Chiffres fictifs pour l’exemple;2023',
      ].join('\n'),
    )
    expect(file.separator).toBe(';')
    expect(file.issues).toEqual([])
    expect(file.lines.map((l) => l.line)).toEqual([2, 3])
    expect(importableIndicators(file)).toEqual([
      participation,
      {
        ...participation,
        theme: 'Partenariats',
        indicator: 'Partenaires par centre',
        value: 12.5,
        unit: 'partenaires',
        comparison: 9.8,
      },
    ])
  })

  it('reads a comma file with English headers, quoted decimal commas and no comparison', () => {
    const text = `${ENGLISH_HEADER}\nPartenariats,Budget moyen,"1 234,5",k€,,,,\n`
    expect(parseIndicatorCsv(text).separator).toBe(',')
    expect(indicators(text)).toEqual([
      {
        theme: 'Partenariats',
        indicator: 'Budget moyen',
        value: 1234.5,
        unit: 'k€',
        comparison: null,
        comparisonLabel: '',
        source: '',
        year: null,
      },
    ])
  })

  it('matches headers whatever their case, accents and spacing, and needs only theme, indicator and value', () => {
    const text =
      'THEME ; Indicateur ; VALEUR ; Libelle_Comparaison ; Comparaison\nPartenariats;Conventions pluriannuelles;"62,5 %";moyenne nationale;51'
    expect(indicators(text)).toEqual([
      {
        theme: 'Partenariats',
        indicator: 'Conventions pluriannuelles',
        value: 62.5,
        unit: '%',
        comparison: 51,
        comparisonLabel: 'moyenne nationale',
        source: '',
        year: null,
      },
    ])
  })

  it('drops a UTF-8 BOM, accepts CRLF, blank lines and a trailing separator', () => {
    const text = `\uFEFF${FRENCH_HEADER};\r\n\r\nPartenariats;Partenaires;12;;;;;2022;\r\n\r\n`
    const file = parseIndicatorCsv(text)
    expect(file.issues).toEqual([])
    expect(file.lines).toEqual([
      {
        line: 3,
        issues: [],
        indicator: expect.objectContaining({ theme: 'Partenariats', value: 12, year: 2022 }),
        raw: {
          theme: 'Partenariats',
          indicator: 'Partenaires',
          value: '12',
          unit: '',
          comparison: '',
          comparisonLabel: '',
          source: '',
          year: '2022',
        },
      },
    ])
  })

  it('reads quoted fields holding separators, doubled quotes and line breaks, and numbers the lines of the file', () => {
    const text = [
      FRENCH_HEADER,
      'Partenariats;"Conventions ; pluriannuelles";1;;;;"Enquête ""SENACS""";2023',
      'Partenariats;"Partenaires',
      'locaux";2;;;;;',
      'Partenariats;Troisième;3;;;;;',
    ].join('\r\n')
    const file = parseIndicatorCsv(text)
    expect(file.issues).toEqual([])
    expect(file.lines.map((l) => [l.line, l.indicator?.indicator, l.indicator?.source])).toEqual([
      [2, 'Conventions ; pluriannuelles', 'Enquête "SENACS"'],
      [3, 'Partenaires locaux', ''],
      [5, 'Troisième', ''],
    ])
  })

  it('reads thousands grouped by no-break and narrow no-break spaces, signs and dots', () => {
    const values = ['1\u00a0234,5', '1\u202f234', '-3,2', '12.5', '1.234,5', '0', '+7', '45%']
    const text = [FRENCH_HEADER, ...values.map((v) => `Partenariats;Indicateur;${v};;;;;`)].join('\n')
    expect(indicators(text).map((i) => i?.value)).toEqual([1234.5, 1234, -3.2, 12.5, 1234.5, 0, 7, 45])
  })
})

describe('a broken file', () => {
  it('names the line and the problem of each broken row, and imports nothing', () => {
    const text = [
      FRENCH_HEADER,
      'Partenariats;Bon;12;;;;;2023',
      'Partenariats;Trop court;12',
      'Partenariats;Sans valeur;;;;;;',
      ';;;;;;;',
      'Partenariats;Pas un nombre;douze;;;;;',
      'Partenariats;Comparaison;12;;beaucoup;;;',
      'Partenariats;Année;12;;;;;deux mille',
      ';;5;;;;;',
    ].join('\n')
    const file = parseIndicatorCsv(text)
    expect(file.issues.map(describeIssue)).toEqual([
      'ligne 3 : 3 colonnes au lieu de 8',
      'ligne 4 : la colonne « valeur » est vide',
      'ligne 6 : la valeur « douze » n’est pas un nombre',
      'ligne 7 : la comparaison « beaucoup » n’est pas un nombre',
      'ligne 8 : l’année « deux mille » n’est pas une année sur quatre chiffres',
      'ligne 9 : la colonne « indicateur » est vide',
    ])
    expect(file.lines.find((l) => l.line === 2)?.indicator?.indicator).toBe('Bon')
    expect(importableIndicators(file)).toBeNull()
  })

  it('refuses an unknown, a duplicated or a missing header, before reading any row', () => {
    expect(messages('thème;indicateur;valeur;couleur\nPartenariats;X;1;bleu')).toEqual([
      'ligne 1 : la colonne « couleur » est inconnue (colonnes possibles : thème, indicateur, valeur, unité, comparaison, libellé comparaison, source, année)',
    ])
    expect(messages('theme;indicator;value;valeur\nPartenariats;X;1;2')).toEqual([
      'ligne 1 : la colonne « valeur » apparaît deux fois',
    ])
    expect(messages('thème;indicateur\nPartenariats;X')).toEqual([
      'ligne 1 : il manque la colonne « valeur »',
    ])
    expect(parseIndicatorCsv('thème;indicateur;couleur\nPartenariats;X;bleu').lines).toEqual([])
  })

  it('reports quoting mistakes', () => {
    expect(messages(`${FRENCH_HEADER}\nPartenariats;"Ouvert;1;;;;;\nPartenariats;Suite;2;;;;;`)).toEqual([
      'ligne 2 : un guillemet ouvert n’est jamais refermé',
    ])
    expect(messages(`${FRENCH_HEADER}\nPartenariats;"Fermé" trop tôt;1;;;;;`)).toEqual([
      'ligne 2 : du texte (« trop tôt ») suit un guillemet fermant',
    ])
  })

  it('refuses an empty file, a file with a header only, text over the limit, a unit contradicting a percentage', () => {
    expect(messages('')).toEqual([
      'le fichier est vide : il faut une ligne d’en-tête puis une ligne par indicateur',
    ])
    expect(messages('\uFEFF\r\n')).toHaveLength(1)
    expect(messages(FRENCH_HEADER)).toEqual([
      'le fichier est vide : il faut une ligne d’en-tête puis une ligne par indicateur',
    ])
    expect(messages(`${FRENCH_HEADER}\nPartenariats;${'x'.repeat(201)};1;;;;;`)).toEqual([
      'ligne 2 : la colonne « indicateur » dépasse 200 caractères',
    ])
    expect(messages(`${FRENCH_HEADER}\nPartenariats;X;45 %;partenaires;;;;`)).toEqual([
      'ligne 2 : la valeur « 45 % » est un pourcentage mais l’unité indiquée n’est pas « % »',
    ])
  })

  it('caps the rows and the size of a file', () => {
    const row = 'Partenariats;Partenaires par centre;12;;;;;'
    const many = [FRENCH_HEADER, ...Array.from({ length: INDICATOR_LIMITS.rows + 2 }, () => row)].join('\n')
    const file = parseIndicatorCsv(many)
    expect(file.issues.map(describeIssue)).toEqual([
      'ligne 502 : trop de lignes : 500 indicateurs au plus par fichier',
    ])
    expect(importableIndicators(file)).toBeNull()
    const huge = `${FRENCH_HEADER}\n${`Partenariats;${'é'.repeat(150)};1;;;;;\n`.repeat(700)}`
    expect(messages(huge)).toEqual(['le fichier dépasse 200 Ko'])
  })

  it('sums up many problems in one message', () => {
    const text = [
      FRENCH_HEADER,
      ...Array.from({ length: 7 }, (_, i) => `Partenariats;X${i};douze;;;;;`),
    ].join('\n')
    const summary = describeIssues(parseIndicatorCsv(text).issues)
    expect(summary.startsWith('ligne 2 : la valeur « douze » n’est pas un nombre ; ligne 3 :')).toBe(true)
    expect(summary.endsWith('et 2 autres problèmes')).toBe(true)
  })
})

describe('splitting records', () => {
  it('keeps the separator of the header line and the empty fields', () => {
    expect(readCsv('a,b,c;d\n1,2,3;4').separator).toBe(',')
    expect(readCsv('a,b;c\n1,2;3').separator).toBe(';')
    expect(readCsv('a;b,c\n1;2,3').records).toEqual([
      { line: 1, fields: ['a', 'b,c'] },
      { line: 2, fields: ['1', '2,3'] },
    ])
    expect(readCsv('"a;b";c\r;\n').records).toEqual([
      { line: 1, fields: ['a;b', 'c'] },
      { line: 2, fields: ['', ''] },
    ])
  })
})
