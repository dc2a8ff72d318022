import { describe, expect, it } from 'vitest'
import { convert } from './raindrops'

describe('Raindrops', () => {
  it('the sound for 1 is 1', () => expect(convert(1)).toEqual('1'))
  it('the sound for 3 is Pling', () => expect(convert(3)).toEqual('Pling'))
  it('the sound for 5 is Plang', () => expect(convert(5)).toEqual('Plang'))
  it('the sound for 7 is Plong', () => expect(convert(7)).toEqual('Plong'))
  it('the sound for 15 is PlingPlang', () => expect(convert(15)).toEqual('PlingPlang'))
  it('the sound for 105 is PlingPlangPlong', () => expect(convert(105)).toEqual('PlingPlangPlong'))
  it('the sound for 52 is 52', () => expect(convert(52)).toEqual('52'))
})
