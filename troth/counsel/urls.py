from __future__ import annotations

app_name = "counsel"
urlpatterns: list = []
