"""Words and numbers on screen and in downloads: labels, sentences, source lines."""
