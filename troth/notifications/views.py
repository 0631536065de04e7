from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.lib.access import get_visible_or_404
from troth.notifications import services
from troth.notifications.forms import NotificationSettingsForm
from troth.notifications.models import Notification, NotificationSettings


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.visible_to(request.user).select_related(
        "actor"
    )
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
@require_POST
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_visible_or_404(Notification, request.user, pk=pk)
    url = services.notification_open(notification=notification)
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        url = "/"
    return redirect(url)


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("All updates are marked as read."))
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request: HttpRequest) -> HttpResponse:
    instance = NotificationSettings.for_user(request.user)
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None, instance=instance
    )
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:settings")
        return render(
            request, "notifications/settings.html", {"form": form}, status=400
        )
    return render(request, "notifications/settings.html", {"form": form})
