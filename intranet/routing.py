"""WebSocket routes of every app, gathered in one list for `asgi.py`.

Each app that talks over WebSocket adds its `websocket_urlpatterns` here.
"""

from django.urls import URLPattern

from chat.routing import websocket_urlpatterns as chat_routes

websocket_urlpatterns: list[URLPattern] = [*chat_routes]
