"""The drafter's golden table (issue 9): team-written phrasings with their exact entries,
and the tools that score a drafter against it (scoring.py) and print the report (report.py).
"""
