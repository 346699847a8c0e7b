"""The incident player: replay a trace step by step on the diagram."""
