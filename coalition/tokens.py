"""API tokens on the user's profile page: create (or replace) and revoke.

A token acts with its user's rights and no more (DRF's TokenAuthentication; the same permission
predicates as the pages). Its key is shown once, in the answer to the request that created it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from rest_framework.authtoken.models import Token


@never_cache
@login_required
def tokens(request):
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            with transaction.atomic():
                Token.objects.filter(user=request.user).delete()
                token = Token.objects.create(user=request.user)
            return render(request, "coalition/tokens.html", {"token": token, "new_key": token.key})
        if action == "revoke":
            deleted, _rows = Token.objects.filter(user=request.user).delete()
            if deleted:
                messages.success(request, _("Your API token was revoked. Programs using it can no longer sign in."))
            return redirect("coalition:tokens")
        return HttpResponseBadRequest(_("Unknown action."))
    token = Token.objects.filter(user=request.user).first()
    return render(request, "coalition/tokens.html", {"token": token})
