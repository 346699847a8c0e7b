"""Compare: one village and one incident under two to four regimes side by side."""
