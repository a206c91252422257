"""Demo content: a believable platform to look at, and thousands of items for benchmarks."""
