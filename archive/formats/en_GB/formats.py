"""British English formats, with dates as the public pages write them: "5 March 1987", never
"05/03/1987" (which half the world reads as 3 May)."""

DATE_FORMAT = "j F Y"  # 5 March 1987
DATETIME_FORMAT = "j F Y, H:i"  # 5 March 1987, 14:30
SHORT_DATE_FORMAT = "j M Y"  # 5 Mar 1987
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1
# The first is how a date field shows its value; all are accepted when typed.
DATE_INPUT_FORMATS = ["%d %B %Y", "%Y-%m-%d", "%d %b %Y", "%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = [
    "%d %B %Y %H:%M:%S",
    "%d %B %Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
