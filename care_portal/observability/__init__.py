"""Operations: structured logs with request ids, error references, metrics and error tracking."""
