"""The job queue on PostgreSQL (procrastinate), used when DATABASE_URL is set.

- ``schema``: the queue's tables, installed once under an advisory lock.
- ``tasks``: the procrastinate app with its one task (run a user's work) and `QueueJobs`,
  the bot's side: defer with a per-user lock, refuse a second job, cancel.
- ``runner``: the worker's side: rebuild the user's ``ctx`` and run the work, the stalled-job
  check that retries what a killed worker left, `serve_jobs` (in ``python -m bot`` unless
  WORKERS=0) and `run_worker` (``python -m bot worker``).
"""
