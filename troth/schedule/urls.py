from django.urls import path

from troth.schedule import views
from troth.schedule.periods import AGENDA, WEEK

# A day of the agenda or the week, and one date of an event.
DAY = "<int:year>/<int:month>/<int:day>/"
AT = "events/<int:pk>/at/<str:when>/"

app_name = "schedule"
urlpatterns = [
    path("", views.days, {"span": AGENDA}, name="index"),
    path(f"agenda/{DAY}", views.days, {"span": AGENDA}, name="agenda"),
    path("week/", views.days, {"span": WEEK}, name="week_now"),
    path(f"week/{DAY}", views.days, {"span": WEEK}, name="week"),
    path("month/", views.month, name="month_now"),
    path("month/<int:year>/<int:month>/", views.month, name="month"),
    path("rituals/", views.rituals, name="rituals"),
    path("rituals/how", views.how, name="how"),
    path("events/new", views.event_new, name="event_new"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/edit", views.event_edit, name="event_edit"),
    path("events/<int:pk>/delete", views.event_delete, name="event_delete"),
    path("events/<int:pk>/visibility", views.event_visibility, name="event_visibility"),
    path("events/<int:pk>/reminder", views.event_reminder, name="event_reminder"),
    path(AT, views.occurrence_detail, name="occurrence"),
    path(f"{AT}move", views.occurrence_move, name="occurrence_move"),
    path(f"{AT}cancel", views.date_step, {"step": "cancel"}, name="occurrence_cancel"),
    path(
        f"{AT}restore", views.date_step, {"step": "restore"}, name="occurrence_restore"
    ),
    path(f"{AT}mark", views.occurrence_mark, name="occurrence_mark"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/new", views.subscribe_new, name="subscribe_new"),
    path("subscribe/revoke", views.subscribe_revoke, name="subscribe_revoke"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("import/", views.import_calendar, name="import"),
    path("export.ics", views.download, name="download"),
]
