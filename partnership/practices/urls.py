from django.urls import path

from partnership.practices import views

urlpatterns = [
    path("dobre-prakse/", views.practice_list, name="practices"),
    path("dobre-prakse/nova/", views.practice_submit, name="practice_submit"),
    path("dobre-prakse/pregled/", views.practice_review_list, name="practice_review_list"),
    path("dobre-prakse/pregled/<int:pk>/", views.practice_review, name="practice_review"),
    path("dobre-prakse/<int:pk>/", views.practice_detail, name="practice"),
]
