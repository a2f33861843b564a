"""The benchmark (``make bench``): build cost at scale, measured against bare Material."""
