"""Development tooling shared by the tests and the bench scripts, not used by the site itself:

- processes: manage.py in a child process (one `manage()` for every caller)
- scratch: throwaway databases that other processes can open, and plain SQL on them
- snapshot: what an archive holds by natural keys, to compare two databases
- stories: made-up diplomatic wire stories
"""
