"""English date and time formats, one style across every feature.

Day before month and a 24-hour clock read the same way to most English
speakers outside the US, and never leave "3/4" ambiguous. Other languages
keep Django's own formats.
"""

DATE_FORMAT = "j M Y"  # 27 Nov 2026
DATETIME_FORMAT = "j M Y, H:i"  # 27 Nov 2026, 18:30
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"  # November 2026
MONTH_DAY_FORMAT = "j F"  # 27 November
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
