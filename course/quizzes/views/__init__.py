"""The quizzes app's views, by topic: `bank` (the question bank, its import and export),
`authoring` (instructors write quizzes and questions and preview them), `attempts` (a
student takes a quiz) and `results` (a submitted attempt's results, hand grading)."""
