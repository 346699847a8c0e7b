"""Small widgets shared by the sandbox, the player and the comparison."""
