// Operators that came down from HQ before HQ's operators were given numbers have none (工号): they
// could not log in by number and their badge read "Bnull-…". Each gets the next free number, as
// the till gives one to an operator created here, in the order they were added; numbers already
// given are never changed (printed badges carry them).
export const operatorNumbers = `
UPDATE operators SET number = fill.number
  FROM (SELECT id, (SELECT COALESCE(MAX(number), 0) FROM operators) + ROW_NUMBER() OVER (ORDER BY id) AS number
          FROM operators WHERE number IS NULL) AS fill
 WHERE operators.id = fill.id;
`;
