"""Date and number formats for languages Django ships none for.

Month names would fall back to English, so dates are written with numbers, in
the order and with the separators readers of each language use.
"""
