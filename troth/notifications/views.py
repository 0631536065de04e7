from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from troth.lib.access import get_visible_or_404
from troth.lib.redirects import next_url
from troth.notifications import push, services
from troth.notifications.context import unread_count
from troth.notifications.forms import NotificationSettingsForm
from troth.notifications.models import (
    Notification,
    NotificationSettings,
    PushSubscription,
)

# A browser's subscription is a few hundred bytes.
MAX_SUBSCRIPTION_BYTES = 4096


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


@login_required
@require_GET
def push_settings(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "notifications/push.html",
        {"vapid_public_key": push.vapid_public_key()},
    )


def _refused(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400)


@login_required
@require_POST
def push_subscriptions(request: HttpRequest) -> HttpResponse:
    """Turn push on for this device: the browser's PushSubscription.toJSON()
    as the JSON body (docs/push.md). 201 when new, 200 when it updated the
    device's subscription; 400 with {"error": ...} and nothing stored when
    anything about it is wrong."""
    if len(request.body) > MAX_SUBSCRIPTION_BYTES:
        return _refused(_("The push subscription is too large."))
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _refused(_("Send the browser's push subscription as JSON."))
    problem = push.subscription_problem(data)
    if problem is not None:
        return _refused(problem)
    subscription, created = push.push_subscribe(
        user=request.user,
        data=data,
        session_key=request.session.session_key or "",
        user_agent=request.headers.get("User-Agent", ""),
    )
    return JsonResponse({"id": subscription.pk}, status=201 if created else 200)


@login_required
@require_http_methods(["DELETE"])
def push_subscription(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_visible_or_404(PushSubscription, request.user, pk=pk)
    subscription.delete()
    return HttpResponse(status=204)


@login_required
@require_POST
def push_subscription_delete(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_visible_or_404(PushSubscription, request.user, pk=pk)
    subscription.delete()
    messages.success(request, _("Push notifications are off on that device."))
    return redirect(next_url(request, "notifications:push"))


@never_cache
@require_GET
def unread(request: HttpRequest) -> HttpResponse:
    """How many updates are unread, for the badges (the page's and the
    app's). Signed out: 401, so a script polling it stops."""
    if not request.user.is_authenticated:
        return JsonResponse({"unread": None}, status=401)
    response = JsonResponse({"unread": unread_count(request)})
    response["Cache-Control"] = "no-store"
    return response
