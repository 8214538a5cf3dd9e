import { lexicalTerms, stem, tokenize } from './lexical-terms';

describe('lexical tokens', () => {
  it('lowercases, splits on punctuation and keeps letters of any script and digits', () => {
    expect(tokenize('Hello, World! COVID-19 in Zürich; 東京 «naïve» café.')).toEqual(['hello', 'world', 'covid', '19', 'in', 'zürich', '東京', 'naïve', 'café']);
  });

  it('keeps words with an inner apostrophe whole', () => {
    expect(tokenize("Don't touch Ada’s notes")).toEqual(['dont', 'touch', 'adas', 'notes']);
  });

  it('stems English inflections to one term and leaves numbers alone', () => {
    expect(['running', 'runs', 'run'].map(stem)).toEqual(['run', 'run', 'run']);
    expect(stem('2024')).toBe('2024');
  });

  it('drops stopwords and stems what is left', () => {
    expect(lexicalTerms('The cells were treated with the inhibitors')).toEqual(['cell', 'treat', 'inhibitor']);
  });
});
