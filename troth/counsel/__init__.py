"""With a counsellor: a time-limited window onto a part of the couple's
space that both partners consent to, and either closes alone."""
