import { randomInt } from "node:crypto";

// No look-alikes (0/O, 1/l/I): the password is read off a terminal once and typed.
const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const GROUPS = 4;
const GROUP_LENGTH = 6;

/**
 * A random password of 4 dash-separated groups of 6 characters
 * (24 symbols from 57: about 140 bits).
 */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
