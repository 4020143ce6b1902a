// The same checklist as the app, rendered with SurveyJS's own libraries
// (survey-core + survey-js-ui, plain JS): one page per section, one radiogroup
// question per item with the four answers and a comment box. Benchmark only:
// bench/run.mjs measures its shipped bytes and cold load against the app.
/* global Survey, SurveyUI */
(function () {
  'use strict';
  var c = window.CHECKLIST;
  var choices = [
    { value: 'done', text: '已落实' },
    { value: 'partial', text: '部分落实' },
    { value: 'not_done', text: '未落实' },
    { value: 'not_applicable', text: '不适用' },
  ];
  var pages = [];
  c.parts.forEach(function (part) {
    part.groups.forEach(function (group) {
      pages.push({
        name: group.id,
        title: group.title.zh,
        elements: group.items.map(function (item) {
          return {
            type: 'radiogroup',
            name: item.id,
            title: item.duty.zh,
            description: item.guidance.zh,
            choices: choices,
            colCount: 4,
            showCommentArea: true,
            commentText: '情况说明',
          };
        }),
      });
    });
  });
  var model = new Survey.Model({
    title: c.title.zh,
    locale: 'zh-cn',
    showProgressBar: 'top',
    showQuestionNumbers: 'on',
    pages: pages,
  });
  SurveyUI.renderSurvey(model, document.getElementById('survey'));
  window.survey = model;
}());
