"""The scoring engine: plain data in, leaderboard rows out (../shared/design/scoring.md)."""
