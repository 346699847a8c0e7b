"""The Years face: a village over many years, regimes side by side, parameter sweeps."""
