import { describe, expect, it } from 'vitest'
import { reverse } from './reverse-string'

describe('Reverse String', () => {
  it('an empty string', () => expect(reverse('')).toEqual(''))
  it('a word', () => expect(reverse('robot')).toEqual('tobor'))
  it('a capitalized word', () => expect(reverse('Ramen')).toEqual('nemaR'))
  it('a sentence with punctuation', () => expect(reverse("I'm hungry!")).toEqual("!yrgnuh m'I"))
  it('a palindrome', () => expect(reverse('racecar')).toEqual('racecar'))
  it('wide characters', () => expect(reverse('子猫')).toEqual('猫子'))
})
