print("kubelint")
