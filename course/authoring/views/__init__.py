"""The instructor's review workspace: make a course from an abstract, see what the generator
made beside the cleaned text, edit it, publish it.

Every action is a plain form POST that redirects back to the review page, to the card it
acted on, where its notice shows. With htmx the same POST answers with that card alone (or
the one list it changed) and out-of-band copies of the regions the change also shows in
(the coverage map, the counts); an invalid submission re-renders its own form with the
errors in place and nothing else. Deleting and regenerating ask first (a <dialog> with
htmx, a page without) and keep what they remove, so Undo puts it back.

`workspace` is the page and what the others share to answer; `panels` its tabs (which one
is shown, the Questions tab's filters, the draft read tab by tab); `structure` the lessons,
the source text and the glossary; `items` the questions and discussion prompts.
"""
