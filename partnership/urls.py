app_name = "partnership"

urlpatterns = []
