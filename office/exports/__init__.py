"""The office's exports of a whole campaign: an XLSX workbook and one CSV file per table.

They gather pledges, news and scoring, so they live in the office package, on top.
"""
