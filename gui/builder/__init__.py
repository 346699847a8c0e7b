"""The builder: make a village, group it under a regime, look at its hierarchy."""
