"""Coding drills: the user writes an activation (or its gradient) in NumPy; the engine grades it.

`cases.cases_for(card)` builds an exercise's named hidden cases from the engine;
`sandbox.Sandbox` runs the user's code in a separate, limited process that only computes;
`check.check(card, code, sandbox)` compares what came back with the expected values here and
returns a per-case `CheckReport`. Nothing in this package imports textual.
"""
