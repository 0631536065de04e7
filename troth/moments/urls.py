from django.urls import path

from troth.moments import views

app_name = "moments"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.moment_new, name="new"),
    path("week/", views.week, name="week"),
    path("bids/", views.bids, name="bids"),
    path("bids/how", views.bids_how, name="bids_how"),
    path("bids/<int:pk>/delete", views.bid_delete, name="bid_delete"),
    path("<int:pk>/", views.moment_detail, name="detail"),
    path("<int:pk>/acknowledge", views.acknowledge, name="acknowledge"),
    path("<int:pk>/share", views.moment_share, name="share"),
    path("<int:pk>/unshare", views.moment_unshare, name="unshare"),
    path("<int:pk>/delete", views.moment_delete, name="delete"),
]
