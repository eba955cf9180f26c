"""The shell: registries that the apps fill and the site renders.

Each app contributes from its own modules (`entries.py`, `notices.py`, `search.py`,
`data.py`), imported by its `AppConfig.ready()`; nothing here imports an app.

- `search`: kinds of results of the site search;
- `dashboard`: panels of the member's home page;
- `menu`: entries of the main navigation;
- `header`: the counters every page's header shows (read in one query);
- `feed`: verbs, models and interests of the activity feeds;
- `notices`: kinds of notifications and the channels a member chooses from;
- `personal_data`: exporters and erasers of a member's data (GDPR).
"""
