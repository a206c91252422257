"""Partner search: cooperation requests that approved members post and others answer."""
