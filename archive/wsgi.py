import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

# A search page allocates tens of thousands of short-lived objects (rows, template nodes); with
# Python's default threshold (700) the collector runs dozens of times per page. Collect young
# objects less often, and leave what start-up loaded out of every full collection
# (measured in-process: search page median 36.0 -> 33.9 ms, bench/search_speed.py's queries).
gc.freeze()
gc.set_threshold(50_000, 20, 100)
