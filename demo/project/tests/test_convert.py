from weather.convert import c_to_f, f_to_c


def test_freezing_point():
    assert c_to_f(0) == 32.0


def test_body_temperature():
    assert c_to_f(37) == 98.6


def test_back_to_celsius():
    assert f_to_c(212) == 100.0


def test_rounding():
    assert f_to_c(100) == 37.8
