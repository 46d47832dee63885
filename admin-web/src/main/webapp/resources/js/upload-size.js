// The upload form: says at once when the chosen file is larger than the server accepts, instead of
// sending it first (the server checks again and says the same).
(function () {
  'use strict';
  var input = document.querySelector('input[type=file][data-max-bytes]');
  if (!input) {
    return;
  }
  input.addEventListener('change', function () {
    var max = parseInt(input.dataset.maxBytes, 10);
    var file = input.files && input.files[0];
    input.setCustomValidity(file && file.size > max ? input.dataset.tooLarge : '');
    input.reportValidity();
  });
}());
