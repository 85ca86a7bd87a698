// Questions with gold SQL on the demo city_library database, written for Sense Studio.
export type DemoTask = { question: string; sql: string; difficulty: "easy" | "medium" | "hard" | "extra" };

export const cityLibraryTasks: DemoTask[] = [
  {
    difficulty: "easy",
    question: "How many branches does the library have?",
    sql: "SELECT count(*) FROM branches",
  },
  {
    difficulty: "easy",
    question: "List the names of the branches in the Riverside district.",
    sql: "SELECT name FROM branches WHERE district = 'Riverside'",
  },
  {
    difficulty: "easy",
    question: "Which books were published after 2015? Give their titles.",
    sql: "SELECT title FROM books WHERE published_year > 2015",
  },
  {
    difficulty: "easy",
    question: "What is the average number of pages of a book?",
    sql: "SELECT avg(pages) FROM books",
  },
  {
    difficulty: "easy",
    question: "What are the names of the members on the student tier?",
    sql: "SELECT name FROM members WHERE tier = 'student'",
  },
  {
    difficulty: "easy",
    question: "How many loans have not been returned yet?",
    sql: "SELECT count(*) FROM loans WHERE returned_on IS NULL",
  },
  {
    difficulty: "easy",
    question: "Which genres does the collection cover?",
    sql: "SELECT DISTINCT genre FROM books",
  },
  {
    difficulty: "easy",
    question: "Who is the oldest author?",
    sql: "SELECT name FROM authors ORDER BY birth_year ASC LIMIT 1",
  },
  {
    difficulty: "easy",
    question: "What is the total of all fines, in cents?",
    sql: "SELECT sum(fine_cents) FROM loans",
  },
  {
    difficulty: "easy",
    question: "Give the titles of the five longest books.",
    sql: "SELECT title FROM books ORDER BY pages DESC LIMIT 5",
  },
  {
    difficulty: "medium",
    question: "How many books are there in each genre?",
    sql: "SELECT genre, count(*) FROM books GROUP BY genre",
  },
  {
    difficulty: "medium",
    question: "For each branch, give its name and the number of copies it holds.",
    sql: "SELECT T1.name, count(*) FROM branches AS T1 JOIN copies AS T2 ON T1.branch_id = T2.branch_id GROUP BY T1.branch_id",
  },
  {
    difficulty: "medium",
    question: "What are the titles of the books written by authors from Norway?",
    sql: "SELECT T2.title FROM authors AS T1 JOIN books AS T2 ON T1.author_id = T2.author_id WHERE T1.country = 'Norway'",
  },
  {
    difficulty: "medium",
    question: "How many members joined in each year?",
    sql: "SELECT substr(joined_on, 1, 4) AS join_year, count(*) FROM members GROUP BY join_year",
  },
  {
    difficulty: "medium",
    question: "Which genres have more than 8 books?",
    sql: "SELECT genre FROM books GROUP BY genre HAVING count(*) > 8",
  },
  {
    difficulty: "medium",
    question: "What is the average fine per loan for each membership tier?",
    sql: "SELECT T2.tier, avg(T1.fine_cents) FROM loans AS T1 JOIN members AS T2 ON T1.member_id = T2.member_id GROUP BY T2.tier",
  },
  {
    difficulty: "medium",
    question: "List the names of the members whose home branch is the Harbour Reading Room.",
    sql: "SELECT T1.name FROM members AS T1 JOIN branches AS T2 ON T1.home_branch_id = T2.branch_id WHERE T2.name = 'Harbour Reading Room'",
  },
  {
    difficulty: "medium",
    question: "Give the title and author name of every book with more than 600 pages.",
    sql: "SELECT T1.title, T2.name FROM books AS T1 JOIN authors AS T2 ON T1.author_id = T2.author_id WHERE T1.pages > 600",
  },
  {
    difficulty: "medium",
    question: "Which country has the most authors?",
    sql: "SELECT country FROM authors GROUP BY country ORDER BY count(*) DESC LIMIT 1",
  },
  {
    difficulty: "medium",
    question: "How many loans were made in 2024?",
    sql: "SELECT count(*) FROM loans WHERE loaned_on LIKE '2024%'",
  },
  {
    difficulty: "hard",
    question: "Which members have never borrowed a book?",
    sql: "SELECT name FROM members WHERE member_id NOT IN (SELECT member_id FROM loans)",
  },
  {
    difficulty: "hard",
    question: "What are the titles of the books that have no copy in any branch?",
    sql: "SELECT title FROM books WHERE book_id NOT IN (SELECT book_id FROM copies)",
  },
  {
    difficulty: "hard",
    question: "Which authors have written books in more than two genres?",
    sql: "SELECT T1.name FROM authors AS T1 JOIN books AS T2 ON T1.author_id = T2.author_id GROUP BY T1.author_id HAVING count(DISTINCT T2.genre) > 2",
  },
  {
    difficulty: "hard",
    question: "Which branch lent out the most loans of its own copies?",
    sql: "SELECT T3.name FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN branches AS T3 ON T2.branch_id = T3.branch_id GROUP BY T3.branch_id ORDER BY count(*) DESC LIMIT 1",
  },
  {
    difficulty: "hard",
    question: "List the distinct names of members who returned a loan after its due date.",
    sql: "SELECT DISTINCT T2.name FROM loans AS T1 JOIN members AS T2 ON T1.member_id = T2.member_id WHERE T1.returned_on > T1.due_on",
  },
  {
    difficulty: "hard",
    question: "Which genres have an average page count above the average of all books?",
    sql: "SELECT genre FROM books GROUP BY genre HAVING avg(pages) > (SELECT avg(pages) FROM books)",
  },
  {
    difficulty: "hard",
    question: "Which members borrowed copies from both the Central Library and Riverside Commons?",
    sql: "SELECT T3.name FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN members AS T3 ON T1.member_id = T3.member_id JOIN branches AS T4 ON T2.branch_id = T4.branch_id WHERE T4.name = 'Central Library' INTERSECT SELECT T3.name FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN members AS T3 ON T1.member_id = T3.member_id JOIN branches AS T4 ON T2.branch_id = T4.branch_id WHERE T4.name = 'Riverside Commons'",
  },
  {
    difficulty: "hard",
    question: "How many copies are in worn condition at each branch opened before 2000?",
    sql: "SELECT T1.name, count(*) FROM branches AS T1 JOIN copies AS T2 ON T1.branch_id = T2.branch_id WHERE T1.opened_year < 2000 AND T2.condition = 'worn' GROUP BY T1.branch_id",
  },
  {
    difficulty: "extra",
    question: "Which member paid the most in fines, and how much in total?",
    sql: "SELECT T2.name, sum(T1.fine_cents) FROM loans AS T1 JOIN members AS T2 ON T1.member_id = T2.member_id GROUP BY T1.member_id ORDER BY sum(T1.fine_cents) DESC LIMIT 1",
  },
  {
    difficulty: "extra",
    question: "Which book titles were borrowed by student members but never by plus members?",
    sql: "SELECT T3.title FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN books AS T3 ON T2.book_id = T3.book_id JOIN members AS T4 ON T1.member_id = T4.member_id WHERE T4.tier = 'student' EXCEPT SELECT T3.title FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN books AS T3 ON T2.book_id = T3.book_id JOIN members AS T4 ON T1.member_id = T4.member_id WHERE T4.tier = 'plus'",
  },
  {
    difficulty: "extra",
    question:
      "For each district, how many distinct members borrowed a copy held there? Only list districts with more than 20 such members.",
    sql: "SELECT T3.district, count(DISTINCT T1.member_id) FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN branches AS T3 ON T2.branch_id = T3.branch_id GROUP BY T3.district HAVING count(DISTINCT T1.member_id) > 20",
  },
  {
    difficulty: "extra",
    question: "Which book titles were borrowed in 2023 but not in 2024?",
    sql: "SELECT T3.title FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN books AS T3 ON T2.book_id = T3.book_id WHERE T1.loaned_on LIKE '2023%' EXCEPT SELECT T3.title FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN books AS T3 ON T2.book_id = T3.book_id WHERE T1.loaned_on LIKE '2024%'",
  },
  {
    difficulty: "extra",
    question:
      "List the authors born before 1970 whose books average more than 350 pages, longest average first.",
    sql: "SELECT T1.name, avg(T2.pages) FROM authors AS T1 JOIN books AS T2 ON T1.author_id = T2.author_id WHERE T1.birth_year < 1970 GROUP BY T1.author_id HAVING avg(T2.pages) > 350 ORDER BY avg(T2.pages) DESC",
  },
  {
    difficulty: "extra",
    question: "How many loans of mystery books held at branches opened before 2000 are still open?",
    sql: "SELECT count(*) FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN books AS T3 ON T2.book_id = T3.book_id JOIN branches AS T4 ON T2.branch_id = T4.branch_id WHERE T3.genre = 'mystery' AND T4.opened_year < 2000 AND T1.returned_on IS NULL",
  },
  {
    difficulty: "extra",
    question: "Which genre do plus-tier members borrow most often?",
    sql: "SELECT T3.genre FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN books AS T3 ON T2.book_id = T3.book_id JOIN members AS T4 ON T1.member_id = T4.member_id WHERE T4.tier = 'plus' GROUP BY T3.genre ORDER BY count(*) DESC LIMIT 1",
  },
  {
    difficulty: "extra",
    question: "Give the titles and loan counts of the three most borrowed books by Canadian authors.",
    sql: "SELECT T3.title, count(*) FROM loans AS T1 JOIN copies AS T2 ON T1.copy_id = T2.copy_id JOIN books AS T3 ON T2.book_id = T3.book_id JOIN authors AS T4 ON T3.author_id = T4.author_id WHERE T4.country = 'Canada' GROUP BY T3.book_id ORDER BY count(*) DESC LIMIT 3",
  },
];
