"""The piece runtime: live_loops in exact virtual time, producing timestamped events."""
