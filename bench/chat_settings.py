"""Settings of the servers the chat fan-out bench starts: the intranet's, with the
channel layer that `BENCH_LAYER` names."""

import os

from intranet.settings import *  # noqa: F403

_REDIS = {
    "address": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"),
    # redis-py 8 times reads out after 5 s by default, which breaks
    # RedisChannelLayer's blocking pop of 5 s (channels_redis#422).
    "socket_timeout": 15,
}
_LAYERS = {
    "memory": {"BACKEND": "intranet.layers.InMemoryChannelLayer"},  # the default
    "memory-stock": {"BACKEND": "channels.layers.InMemoryChannelLayer"},
    "redis": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [_REDIS], "prefix": "bench"},
    },
    "pubsub": {
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
        "CONFIG": {"hosts": [_REDIS], "prefix": "bench"},
    },
}
CHANNEL_LAYERS = {"default": _LAYERS[os.environ.get("BENCH_LAYER", "memory")]}
ALLOWED_HOSTS = ["127.0.0.1"]
CHAT_MESSAGES_PER_10_SECONDS = 10**9  # the bench measures the chat, not the limit
DEBUG = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
