"""The application: one plan file -> address plan, stacks, renderings and a review."""
