"""The empire face: the registered empire of 1461 at full scale, from the map to one house."""
