import { seededRandom } from "@/lib/util/seeded-random";

// Sense Studio's own demo database: a city's public library network. Written for this project.
export const cityLibrarySchemaSql = `
CREATE TABLE branches (
  branch_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  district TEXT NOT NULL,
  opened_year INTEGER NOT NULL,
  seats INTEGER NOT NULL
);
CREATE TABLE authors (
  author_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  birth_year INTEGER NOT NULL
);
CREATE TABLE books (
  book_id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES authors(author_id),
  genre TEXT NOT NULL,
  published_year INTEGER NOT NULL,
  pages INTEGER NOT NULL
);
CREATE TABLE members (
  member_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  home_branch_id INTEGER NOT NULL REFERENCES branches(branch_id),
  joined_on TEXT NOT NULL,
  tier TEXT NOT NULL
);
CREATE TABLE copies (
  copy_id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL REFERENCES books(book_id),
  branch_id INTEGER NOT NULL REFERENCES branches(branch_id),
  acquired_on TEXT NOT NULL,
  condition TEXT NOT NULL
);
CREATE TABLE loans (
  loan_id INTEGER PRIMARY KEY,
  copy_id INTEGER NOT NULL REFERENCES copies(copy_id),
  member_id INTEGER NOT NULL REFERENCES members(member_id),
  loaned_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  returned_on TEXT,
  fine_cents INTEGER NOT NULL DEFAULT 0
);`;

const branches = [
  ["Central Library", "Old Town", 1962, 240],
  ["Harbour Reading Room", "Riverside", 1988, 60],
  ["Millbrook Branch", "Millbrook", 1975, 90],
  ["Riverside Commons", "Riverside", 2004, 120],
  ["Northgate Library", "Northgate", 1996, 80],
  ["Lantern Street Branch", "Old Town", 2016, 45],
] as const;

const countries = ["Norway", "Canada", "Chile", "Kenya", "Japan", "Portugal", "Ireland", "India"] as const;
const givenNames = [
  "Ada",
  "Bram",
  "Celia",
  "Dario",
  "Edda",
  "Farid",
  "Greta",
  "Hiro",
  "Ines",
  "Jonah",
  "Kira",
  "Luis",
  "Mara",
  "Nils",
  "Oona",
  "Pavel",
  "Quinn",
  "Rosa",
  "Sami",
  "Tove",
] as const;
const familyNames = [
  "Aalto",
  "Brenner",
  "Castillo",
  "Dunmore",
  "Eriksen",
  "Fofana",
  "Garrow",
  "Hale",
  "Ishida",
  "Jovanovic",
  "Kettle",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Pereira",
] as const;
const genres = ["mystery", "history", "science", "poetry", "fantasy", "travel", "cooking"] as const;
const titleStarts = [
  "The Quiet",
  "A Map of",
  "Letters from",
  "The Last",
  "Under the",
  "Notes on",
  "The Salt",
  "Winter in",
  "The Glass",
  "Songs of",
] as const;
const titleEnds = [
  "Harbour",
  "Orchard",
  "Lighthouse",
  "River",
  "Archive",
  "Garden",
  "Mountain",
  "Station",
  "Kitchen",
  "Comet",
  "Island",
  "Bridge",
] as const;
const tiers = ["basic", "plus", "student"] as const;
const conditions = ["new", "good", "worn"] as const;

export type CityLibraryRows = Record<
  "branches" | "authors" | "books" | "members" | "copies" | "loans",
  unknown[][]
>;

const day = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Deterministic rows for the demo database (same seed, same rows, on every machine). */
export function generateCityLibraryRows(): CityLibraryRows {
  const r = seededRandom(20240611);
  const person = () => `${r.pick(givenNames)} ${r.pick(familyNames)}`;
  const authors = Array.from({ length: 24 }, (_, i) => [
    i + 1,
    person(),
    countries[i % 5 === 0 ? 1 : i % countries.length],
    r.int(1931, 1994),
  ]);
  const books = Array.from({ length: 60 }, (_, i) => [
    i + 1,
    `${r.pick(titleStarts)} ${r.pick(titleEnds)}${i % 7 === 0 ? ` ${1 + (i % 3)}` : ""}`,
    r.int(1, authors.length),
    genres[i % genres.length],
    r.int(1968, 2024),
    r.int(96, 720),
  ]);
  const members = Array.from({ length: 80 }, (_, i) => [
    i + 1,
    person(),
    r.int(1, branches.length),
    isoDate(Date.UTC(2015, 0, 1) + r.int(0, 3600) * day),
    r.pick(tiers),
  ]);
  // Books 55-60 have no copy yet (on order), so "books with no copy" has an answer.
  const copies = Array.from({ length: 150 }, (_, i) => [
    i + 1,
    r.int(1, 54),
    r.int(1, branches.length),
    isoDate(Date.UTC(2010, 0, 1) + r.int(0, 5000) * day),
    r.pick(conditions),
  ]);
  // Members 71-80 joined recently and have not borrowed anything.
  const loans = Array.from({ length: 400 }, (_, i) => {
    const loaned = Date.UTC(2022, 0, 1) + r.int(0, 1090) * day;
    const due = loaned + 21 * day;
    const returnedAfter = r.next() < 0.86 ? r.int(2, 35) : null;
    const late = returnedAfter === null ? 0 : Math.max(0, returnedAfter - 21);
    return [
      i + 1,
      r.int(1, copies.length),
      r.int(1, 70),
      isoDate(loaned),
      isoDate(due),
      returnedAfter === null ? null : isoDate(loaned + returnedAfter * day),
      late * 25,
    ];
  });
  return {
    branches: branches.map((b, i) => [i + 1, ...b]),
    authors,
    books,
    members,
    copies,
    loans,
  };
}
